package org.evergreen.security;

/** The four kinds of people who sign in, each with its own portal. */
public enum Role {
    MEMBER("member"),
    MERCHANT("merchant"),
    ADMIN("admin"),
    REGULATOR("regulator");

    private final String portalPath;

    Role(String portalPath) {
        this.portalPath = portalPath;
    }

    /** Route of the role's portal home, e.g. {@code member}. */
    public String portalPath() {
        return portalPath;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
