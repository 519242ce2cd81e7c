/**
 * The suite's event contracts: the topics, the CloudEvents headers every record carries,
 * and how a consumer reads a record's key and value.
 */
package org.library.contracts;
