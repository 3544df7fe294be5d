package org.evergreen.security;

/** A platform admin or regulator login created by an admin. */
public record NewStaffUser(String username, String displayName, Role role, String initialPassword) {

    @Override
    public String toString() {
        return "NewStaffUser[" + role + "]";
    }
}
