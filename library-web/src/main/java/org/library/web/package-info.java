/**
 * The library's web app: the UI's static files, the sign-in at the issuer, and the
 * gateway that relays the signed-in person's token to the services. The browser talks to
 * this origin alone and holds only a session cookie.
 */
package org.library.web;
