package org.evergreen.green;

/** What a method's factor is counted per: each unit bought, or each yuan spent. */
public enum FactorBasis {
    UNIT, YUAN
}
