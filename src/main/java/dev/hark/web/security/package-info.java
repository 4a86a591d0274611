/**
 * Web security: the owner's password, sessions, API tokens, CSRF, the Javalin gate that
 * applies them ({@link dev.hark.web.security.Security}), and the show-notes HTML sanitiser.
 * Uses the library's database, Javalin and jsoup; must not know about routes or pages beyond
 * /login, /logout, /healthz, /static/ and /api/.
 */
package dev.hark.web.security;
