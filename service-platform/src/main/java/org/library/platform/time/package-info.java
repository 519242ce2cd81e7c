/**
 * The clock the suite tells the time by.
 */
package org.library.platform.time;
