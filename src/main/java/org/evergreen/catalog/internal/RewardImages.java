package org.evergreen.catalog.internal;

import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code catalog_reward_image} table: pictures as resized on upload. */
@Repository
public class RewardImages {

    private final JdbcClient jdbc;

    public RewardImages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long rewardId, ImageResizer.Resized image, Instant now) {
        jdbc.sql("INSERT INTO catalog_reward_image (reward_id, content_type, width, height, image, thumbnail, uploaded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(rewardId, ImageResizer.CONTENT_TYPE, image.width(), image.height(), image.image(), image.thumbnail(),
                        UtcTimes.toColumn(now))
                .update();
    }

    public int count(long rewardId) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_reward_image WHERE reward_id = ?").param(rewardId).query(Integer.class).single();
    }

    public List<Long> ids(long rewardId) {
        return jdbc.sql("SELECT id FROM catalog_reward_image WHERE reward_id = ? ORDER BY id").param(rewardId).query(Long.class).list();
    }

    public record Picture(long rewardId, byte[] bytes) {
    }

    /** The bytes of one picture (or its thumbnail), with the reward it shows. */
    public Optional<Picture> picture(long imageId, boolean thumbnail) {
        return jdbc.sql("SELECT reward_id, " + (thumbnail ? "thumbnail" : "image") + " FROM catalog_reward_image WHERE id = ?")
                .param(imageId).query((rs, row) -> new Picture(rs.getLong(1), rs.getBytes(2))).optional();
    }
}
