/**
 * The web player: Javalin routes, jte pages, the JSON API, server-sent progress and audio.
 * Holds no business logic: routes call the domain components that {@link dev.hark.app.Hark} built.
 */
package dev.hark.web;
