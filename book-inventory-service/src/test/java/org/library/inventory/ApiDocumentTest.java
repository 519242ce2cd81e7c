package org.library.inventory;

import org.library.testsupport.ApiDocumentContract;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;

/**
 * The API document is complete enough to generate a client from, and Swagger UI serves it
 * to try.
 */
@LibraryServiceTest
class ApiDocumentTest extends ApiDocumentContract {

	ApiDocumentTest(ServiceUnderTest service) {
		super(service);
	}

}
