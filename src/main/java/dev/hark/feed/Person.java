package dev.hark.feed;

/** A {@code <podcast:person>}: name, role (lower case, default "host"), group, link and image. */
public record Person(String name, String role, String group, String href, String img) {
}
