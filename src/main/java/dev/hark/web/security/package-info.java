/**
 * Web security: the owner's password, sessions, API tokens, CSRF, the Javalin gate that
 * applies them, and the show-notes HTML sanitiser. Depends on the library's database only;
 * no other package's code depends on its internals, only on {@link dev.hark.web.security.Security}.
 */
package dev.hark.web.security;
