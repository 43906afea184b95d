package dev.forja.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.ForjaException;
import dev.forja.store.StoreException.ErrorCode;
import dev.forja.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bearer-token authorisation from a tokens file: {@code {"tokens": [{"token": "...", "role": "read|write|admin"}]}}.
 * Tokens are compared in constant time so response timing does not reveal how much of a guess was right.
 */
final class TokenAuth {
    private record Entry(byte[] token, Role role) {
    }

    private final List<Entry> entries;

    private TokenAuth(List<Entry> entries) {
        this.entries = entries;
    }

    static TokenAuth read(Path file) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ForjaException("cannot read the tokens file " + file + ": " + e.getMessage(),
                    "write it as {\"tokens\": [{\"token\": \"...\", \"role\": \"read|write|admin\"}]}");
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode t : doc.path("tokens")) {
            String token = t.path("token").asText("");
            String role = t.path("role").asText("");
            if (token.length() < 16) {
                throw new ForjaException(file + ": tokens[" + i + "].token must be at least 16 characters", "generate one, e.g. with openssl rand -hex 24");
            }
            try {
                entries.add(new Entry(token.getBytes(StandardCharsets.UTF_8), Role.valueOf(role.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new ForjaException(file + ": tokens[" + i + "].role is '" + role + "'", "use read, write or admin");
            }
            i++;
        }
        if (entries.isEmpty()) {
            throw new ForjaException(file + " holds no tokens", "add {\"tokens\": [{\"token\": \"...\", \"role\": \"admin\"}]}");
        }
        return new TokenAuth(entries);
    }

    /** Checks an {@code Authorization} header against the role an endpoint needs. */
    void check(String authorization, Role needed) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new StoreException(ErrorCode.UNAUTHENTICATED, "this server needs a bearer token: send 'Authorization: Bearer <token>'");
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        Role role = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.token(), given) && role == null) {
                role = e.role();
            }
        }
        if (role == null) {
            throw new StoreException(ErrorCode.UNAUTHENTICATED, "the bearer token is not one this server knows");
        }
        if (!role.allows(needed)) {
            throw new StoreException(ErrorCode.PERMISSION_DENIED, "this token's role is " + role.name().toLowerCase(Locale.ROOT)
                    + "; the request needs " + needed.name().toLowerCase(Locale.ROOT));
        }
    }
}
