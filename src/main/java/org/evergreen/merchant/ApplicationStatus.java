package org.evergreen.merchant;

/** Where an application to join stands. */
public enum ApplicationStatus {
    SUBMITTED, APPROVED, REJECTED
}
