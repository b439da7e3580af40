package dev.agentstore.redis.internal;

import dev.agentstore.state.FlagValue;

/** Flag values as Redis strings that keep their type: {@code b:true}, {@code l:42}, {@code d:0.5}, {@code s:text}. */
final class FlagCodec {
    private FlagCodec() {}

    static String encode(FlagValue flag) {
        return switch (flag.value()) {
            case Boolean b -> "b:" + b;
            case Long l -> "l:" + l;
            case Double d -> "d:" + d;
            case String s -> "s:" + s;
            default ->
                throw new IllegalArgumentException(
                        "unexpected flag type " + flag.value().getClass());
        };
    }

    static FlagValue decode(String stored) {
        String value = stored.substring(2);
        return switch (stored.charAt(0)) {
            case 'b' -> FlagValue.of(Boolean.parseBoolean(value));
            case 'l' -> FlagValue.of(Long.parseLong(value));
            case 'd' -> new FlagValue(Double.parseDouble(value));
            case 's' -> FlagValue.of(value);
            default -> throw new IllegalStateException("unreadable flag value of type '" + stored.charAt(0) + "'");
        };
    }
}
