package org.evergreen.security;

/**
 * What a person fills in to become a member.
 *
 * @param phoneOrEmail  mainland mobile number or e-mail address; it becomes the login name
 * @param acceptedTerms consent to the points terms, required
 */
public record MemberRegistration(String phoneOrEmail, String displayName, String password, boolean acceptedTerms) {

    @Override
    public String toString() {
        return "MemberRegistration[hidden]";
    }
}
