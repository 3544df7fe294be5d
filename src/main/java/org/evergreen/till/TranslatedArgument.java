package org.evergreen.till;

/** An argument of a problem's detail that is itself a message (a JSON type's name), translated with the detail. */
record TranslatedArgument(String key) {
}
