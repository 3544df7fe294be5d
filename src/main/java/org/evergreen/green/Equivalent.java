package org.evergreen.green;

/**
 * What an amount of CO₂e is like, in things people know, with the factor each is counted by (published on the methods
 * page with its source): the CO₂e one tree absorbs in a year, one kilometre driven in a petrol car, one kWh from the
 * grid.
 */
public enum Equivalent {
    TREE_YEARS(18_000), CAR_KILOMETRES(170), GRID_KWH(570.3);

    private final double gramsEach;

    Equivalent(double gramsEach) {
        this.gramsEach = gramsEach;
    }

    public double gramsEach() {
        return gramsEach;
    }

    /** How many of these the CO₂e comes to. */
    public double of(long co2eGrams) {
        return co2eGrams / gramsEach;
    }
}
