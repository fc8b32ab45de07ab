package org.dbchooser.impl;

import java.util.List;

/** The MicroProfile Config keys dbchooser reads, with their defaults. */
public final class ConfigKeys {

    public static final String MASTER = "db_chooser.master";
    public static final String SLAVE = "db_chooser.slave";
    public static final String SLAVE_METHODS = "db_chooser.slave-methods";
    public static final String MASTER_UNIT = "db_chooser.master-unit";
    public static final String SLAVE_UNIT = "db_chooser.slave-unit";
    public static final String SLAVE_FALLBACK = "db_chooser.slave-fallback";
    public static final String MAX_LAG = "db_chooser.max-lag";
    public static final String READ_ONLY = "db_chooser.read-only";
    public static final String HEALTH_INTERVAL = "db_chooser.health-interval";
    public static final String READ_YOUR_WRITES = "db_chooser.read-your-writes";
    public static final String READ_YOUR_WRITES_WAIT = "db_chooser.read-your-writes-wait";
    public static final String READ_YOUR_WRITES_PIN = "db_chooser.read-your-writes-pin";

    public static final String PREFIX = "db_chooser.";
    public static final List<String> ALL = List.of(MASTER, SLAVE, SLAVE_METHODS, MASTER_UNIT, SLAVE_UNIT, SLAVE_FALLBACK,
            MAX_LAG, READ_ONLY, HEALTH_INTERVAL, READ_YOUR_WRITES, READ_YOUR_WRITES_WAIT, READ_YOUR_WRITES_PIN);
    /** The keys whose value is a list, which may also be given as indexed keys {@code key[0]}, {@code key[1]}, ... */
    public static final List<String> LISTS = List.of(MASTER, SLAVE, SLAVE_METHODS, SLAVE_UNIT);

    public static final String DEFAULT_SLAVE_METHODS = "GET,HEAD,OPTIONS";
    public static final String DEFAULT_MASTER_UNIT = "master";
    public static final String DEFAULT_SLAVE_UNIT = "slave";
    public static final String DEFAULT_HEALTH_INTERVAL = "1s";
    public static final String DEFAULT_READ_YOUR_WRITES_WAIT = "200ms";
    public static final String DEFAULT_READ_YOUR_WRITES_PIN = "2s";

    private ConfigKeys() {
    }

    /** The environment variable MicroProfile Config maps to {@code key}: {@code db_chooser.slave-methods} is {@code DB_CHOOSER_SLAVE_METHODS}. */
    public static String environmentName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
