package dev.forja.store.search;

import dev.forja.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque page token of a search: the offset of the next page, base64-encoded as MLflow does, so
 * clients treat it as a string and do not build it themselves.
 */
public final class PageToken {
    private PageToken() {
    }

    public static String of(int offset) {
        return Base64.getEncoder().encodeToString(("{\"offset\": " + offset + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for; 0 for no token. */
    public static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String json = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            String digits = json.replaceAll("[^0-9]", "");
            if (!json.contains("offset") || digits.isEmpty()) {
                throw new IllegalArgumentException();
            }
            return Integer.parseInt(digits);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("page_token '" + token + "' is not a token this server gave out");
        }
    }
}
