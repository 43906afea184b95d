package dev.forja.app.server;

/** What a token may do; each role includes the ones before it. */
enum Role {
    READ, WRITE, ADMIN;

    boolean allows(Role needed) {
        return ordinal() >= needed.ordinal();
    }
}
