package org.library.inventory;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.OwnershipContract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inventory serves traffic as book_inventory_app: DML on its own tables, nothing
 * else; and even that DML cannot oversell, because the table refuses it.
 */
@LibraryServiceTest
class DatabaseOwnershipTest extends OwnershipContract {

	@Override
	protected String schema() {
		return "book_inventory";
	}

	@Test
	void theTableItselfRefusesAnOversoldOrOverfilledRow() throws SQLException {
		try (var connection = DriverManager.getConnection(url, appRole, appPassword);
				var statement = connection.createStatement()) {
			UUID book = UUID.randomUUID();
			statement.execute("INSERT INTO book_inventory (book_id, total_copies, available_copies) VALUES ('" + book
					+ "', 1, 1)");
			assertThatThrownBy(() -> statement
				.execute("UPDATE book_inventory SET available_copies = -1 WHERE book_id = '" + book + "'"))
				.hasMessageContaining("copies_within_bounds");
			assertThatThrownBy(() -> statement
				.execute("UPDATE book_inventory SET available_copies = 2 WHERE book_id = '" + book + "'"))
				.hasMessageContaining("copies_within_bounds");
			statement.execute("DELETE FROM book_inventory WHERE book_id = '" + book + "'");
		}
	}

}
