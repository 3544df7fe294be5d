package org.evergreen.till;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of till keys. Each client address, and each key prefix (the public part of a key), has a budget
 * of failed key checks that refills over time; with the budget spent, its requests are answered 429 with Retry-After
 * without checking the key. A key is still checked from an address it has authenticated from before, and a wrong one
 * answered 429 there too: neither a noisy address nor a crowd guessing one store's key locks that store's own tills out.
 * Each crossing of a limit is logged once, for the admins.
 * <p>
 * Kept in each node's memory, like {@link TillRateLimiter}: behind a load balancer an address gets its budget on every
 * node it reaches (so at most nodes × the budget), which still turns a guessing run of keys into a crawl.
 */
@Component
class FailedAuthenticationLimits {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthenticationLimits.class);
    /** Past this many tracked addresses or prefixes, those whose budget is whole again are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;
    /** How many addresses are remembered per key as ones it authenticated from (tills of a store, its router's address). */
    private static final int GOOD_ADDRESSES_PER_KEY = 64;

    private final Budgets byAddress;
    private final Budgets byPrefix;
    private final Map<String, Set<String>> goodAddressesByPrefix = new ConcurrentHashMap<>();

    FailedAuthenticationLimits(@Value("${evergreen.till-api.failed-authentications.per-address:20}") double perAddress,
                               @Value("${evergreen.till-api.failed-authentications.per-address-refill-seconds:3}") double addressRefillSeconds,
                               @Value("${evergreen.till-api.failed-authentications.per-key:50}") double perKey,
                               @Value("${evergreen.till-api.failed-authentications.per-key-refill-seconds:2}") double keyRefillSeconds) {
        this.byAddress = new Budgets("address", perAddress, addressRefillSeconds);
        this.byPrefix = new Budgets("key prefix", perKey, keyRefillSeconds);
    }

    /** Seconds this caller's key checks wait for the budgets of its address and of the key's prefix; 0 when neither is spent. */
    long waitSeconds(String address, @Nullable String prefix) {
        return Math.max(byAddress.waitSeconds(address), prefix == null ? 0 : byPrefix.waitSeconds(prefix));
    }

    /** Whether this key has authenticated from this address before: a till of the store, whose key is checked even over the limits. */
    boolean vouchedFor(String address, @Nullable String prefix) {
        return prefix != null && goodAddressesByPrefix.getOrDefault(prefix, Set.of()).contains(address);
    }

    void failed(String address, @Nullable String prefix) {
        byAddress.spend(address);
        if (prefix != null) {
            byPrefix.spend(prefix);
        }
    }

    void succeeded(String address, String prefix) {
        Set<String> good = goodAddressesByPrefix.computeIfAbsent(prefix, any -> ConcurrentHashMap.newKeySet());
        if (good.size() < GOOD_ADDRESSES_PER_KEY) {
            good.add(address);
        }
    }

    /** Token buckets of failures, one per name. */
    private static final class Budgets {

        private final String kind;
        private final double capacity;
        private final double refillPerSecond;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        Budgets(String kind, double capacity, double refillSeconds) {
            this.kind = kind;
            this.capacity = capacity;
            this.refillPerSecond = 1 / refillSeconds;
        }

        long waitSeconds(String name) {
            Bucket bucket = buckets.get(name);
            if (bucket == null) {
                return 0;
            }
            synchronized (bucket) {
                bucket.refill(System.nanoTime(), capacity, refillPerSecond);
                return bucket.tokens >= 1 ? 0 : (long) Math.ceil((1 - bucket.tokens) / refillPerSecond);
            }
        }

        void spend(String name) {
            if (buckets.size() > PRUNE_ABOVE) {
                long now = System.nanoTime();
                buckets.values().removeIf(bucket -> bucket.isWhole(now, capacity, refillPerSecond));
            }
            Bucket bucket = buckets.computeIfAbsent(name, any -> new Bucket(capacity, System.nanoTime()));
            synchronized (bucket) {
                bucket.refill(System.nanoTime(), capacity, refillPerSecond);
                bucket.tokens = Math.max(0, bucket.tokens - 1);
                if (bucket.tokens < 1 && !bucket.exhausted) {
                    bucket.exhausted = true;
                    log.warn("Till API: too many failed key checks for {} {}; its key checks wait until its budget refills", kind, name);
                } else if (bucket.tokens >= 1) {
                    bucket.exhausted = false;
                }
            }
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAtNanos;
        private boolean exhausted;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAtNanos = now;
        }

        void refill(long now, double capacity, double refillPerSecond) {
            tokens = Math.min(capacity, tokens + (now - refilledAtNanos) / 1e9 * refillPerSecond);
            refilledAtNanos = now;
        }

        synchronized boolean isWhole(long now, double capacity, double refillPerSecond) {
            return tokens + (now - refilledAtNanos) / 1e9 * refillPerSecond >= capacity;
        }
    }
}
