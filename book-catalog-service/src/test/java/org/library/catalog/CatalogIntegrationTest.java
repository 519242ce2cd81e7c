package org.library.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.library.testsupport.LibraryServiceTest;

import org.springframework.context.annotation.Import;

/**
 * The catalog's integration test: the library's service test, with the in-memory span
 * exporter its observability test reads, so every catalog test shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LibraryServiceTest
@Import(Spans.class)
@interface CatalogIntegrationTest {

}
