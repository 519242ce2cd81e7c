package org.library.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "book")
class Book {

	@Id
	private UUID id;

	private String isbn;

	private String title;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> authors = new ArrayList<>();

	private String publisher;

	private Integer publishedYear;

	private String language;

	private String description;

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected Book() {
	}

	Book(UUID id, BookDetails details, Instant now) {
		this.id = id;
		this.createdAt = now;
		describe(details, now);
	}

	void describe(BookDetails details, Instant now) {
		this.isbn = details.isbn().value();
		this.title = details.title();
		this.authors = new ArrayList<>(details.authors());
		this.publisher = details.publisher();
		this.publishedYear = details.publishedYear();
		this.language = details.language();
		this.description = details.description();
		this.updatedAt = now;
	}

	UUID id() {
		return id;
	}

	long version() {
		return version;
	}

	BookSnapshot snapshot() {
		return new BookSnapshot(id, isbn, title, List.copyOf(authors), publisher, publishedYear, language, description,
				version, createdAt, updatedAt);
	}

}
