package org.library.catalog;

import org.library.testsupport.ApiDocumentContract;
import org.library.testsupport.ServiceUnderTest;

/**
 * The API document is complete enough to generate a client from, and Swagger UI serves it
 * to try.
 */
@CatalogIntegrationTest
class ApiDocumentTest extends ApiDocumentContract {

	ApiDocumentTest(ServiceUnderTest service) {
		super(service);
	}

}
