package app.go.api;

import app.go.support.errors.DomainException;

import java.util.regex.Pattern;

/** Ids from paths and bodies: short, and only characters that are safe inside our keys. */
final class Ids {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private Ids() {}

    static String require(String id, String field) {
        if (id == null || !SAFE.matcher(id).matches()) {
            throw DomainException.validation(field + " must be 1-100 letters, digits, '_', '.', ':' or '-'");
        }
        return id;
    }
}
