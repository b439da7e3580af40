-- Presence in one scope: members by expiry (KEYS[1]) and by last activity (KEYS[2]), times in ms (store clock).
-- Expired members are purged first, so every answer is about live members only. Both keys live as long as the
-- longest-lived member.
-- ARGV[1] op: mark | leave | count | members
-- ARGV[2] now (ms)
-- mark:    ARGV[3] member, ARGV[4] ttl (ms)
-- leave:   ARGV[3] member                 -> 1 if it was present, else 0
-- count:                                  -> how many are present
-- members: ARGV[3] limit                  -> the most recently active members first
local until_key, seen_key = KEYS[1], KEYS[2]
local op, now = ARGV[1], tonumber(ARGV[2])

local expired = redis.call('ZRANGEBYSCORE', until_key, '-inf', now)
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', until_key, '-inf', now)
  for i = 1, #expired, 1000 do
    redis.call('ZREM', seen_key, unpack(expired, i, math.min(i + 999, #expired)))
  end
end

if op == 'mark' then
  local ttl = tonumber(ARGV[4])
  redis.call('ZADD', until_key, now + ttl, ARGV[3])
  redis.call('ZADD', seen_key, now, ARGV[3])
  for _, key in ipairs({until_key, seen_key}) do
    if redis.call('PTTL', key) < ttl then
      redis.call('PEXPIRE', key, ttl)
    end
  end
  return 1
elseif op == 'leave' then
  redis.call('ZREM', seen_key, ARGV[3])
  return redis.call('ZREM', until_key, ARGV[3])
elseif op == 'count' then
  return redis.call('ZCARD', until_key)
elseif op == 'members' then
  return redis.call('ZREVRANGE', seen_key, 0, tonumber(ARGV[3]) - 1)
end
return redis.error_reply('unknown op ' .. tostring(op))
