package org.evergreen.till;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per till key: a burst of {@code capacity} requests, refilled at {@code refillPerSecond}.
 * Kept in each node's memory: behind a load balancer the platform-wide limit is this times the nodes,
 * which is enough to stop a runaway till without a shared store on every request.
 */
@Component
class TillRateLimiter {

    private static final class Bucket {
        private double tokens;
        private long refilledAtNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAtNanos = now;
        }
    }

    private final double capacity;
    private final double refillPerSecond;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    TillRateLimiter(@Value("${evergreen.till-api.rate-limit.capacity:200}") double capacity,
                    @Value("${evergreen.till-api.rate-limit.refill-per-second:100}") double refillPerSecond) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
    }

    /** Takes one request's token for this key; false when the key is over its limit. */
    boolean tryAcquire(long keyId) {
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(keyId, id -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.refilledAtNanos) / 1e9 * refillPerSecond);
            bucket.refilledAtNanos = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }
}
