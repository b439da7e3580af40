package dev.agentstore.postgres.internal.recall;

import dev.agentstore.conversation.Message;
import dev.agentstore.postgres.internal.conversation.MessageReader;
import dev.agentstore.recall.RecallHit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link RecallSql}'s rows (each hit's neighbours before, the hit, its neighbours after) into hits. */
public final class RecallRows {
    private static final int PLACE = MessageReader.COLUMNS.size() + 1;
    private static final int SIDE = PLACE + 1;
    private static final int SCORE = SIDE + 1;

    private RecallRows() {}

    /** The hits, best first. */
    public static List<RecallHit> read(ResultSet rows) throws SQLException {
        List<RecallHit> hits = new ArrayList<>();
        int place = 0;
        Message hit = null;
        double score = 0;
        List<Message> before = new ArrayList<>();
        List<Message> after = new ArrayList<>();
        while (rows.next()) {
            int rowPlace = rows.getInt(PLACE);
            if (rowPlace != place) {
                if (hit != null) {
                    hits.add(new RecallHit(hit, score, before, after));
                }
                place = rowPlace;
                hit = null;
                before = new ArrayList<>();
                after = new ArrayList<>();
            }
            Message message = MessageReader.INSTANCE.read(rows);
            switch (rows.getInt(SIDE)) {
                case -1 -> before.add(message);
                case 0 -> {
                    hit = message;
                    score = rows.getDouble(SCORE);
                }
                default -> after.add(message);
            }
        }
        if (hit != null) {
            hits.add(new RecallHit(hit, score, before, after));
        }
        return hits;
    }
}
