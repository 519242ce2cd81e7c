package org.library.catalog;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Books extends JpaRepository<Book, UUID> {

	boolean existsByIsbn(String isbn);

	boolean existsByIsbnAndIdNot(String isbn, UUID id);

}
