package app.go.support.auth;

import app.go.support.errors.DomainException;

/** Who calls, from the JWT claims {@code sub} and {@code role}. */
public record Caller(String userId, Role role) {

    public enum Role { SELLER, CLIENT, PLATFORM }

    public Caller requireRole(Role required) {
        if (role != required) {
            throw DomainException.forbidden("this action needs the " + required.name().toLowerCase() + " role");
        }
        return this;
    }

    public boolean is(Role r) {
        return role == r;
    }
}
