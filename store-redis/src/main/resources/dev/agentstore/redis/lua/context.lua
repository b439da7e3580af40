-- The recent-context cache entry of one conversation (see RecentMessagesCache):
--   KEYS[1] hash: epoch; and while an entry exists, exp (ms, store clock), whole (1|0), last (sequence, 0 if none)
--   KEYS[2] list of the entry's messages as JSON, oldest first
-- An epoch is made from the server's TIME in microseconds and only ever grows, so it is never reused, also after
-- the hash expired and came back. Both keys live a TTL (ARGV[3]) past their last use.
-- ARGV[1] op, ARGV[2] now (ms), ARGV[3] ttl (ms)
-- newest:   ARGV[4] count                              -> {1, messages} on a hit, {0, epoch} on a miss
-- fill:     ARGV[4] epoch, ARGV[5] whole, ARGV[6] expires (ms), ARGV[7] last sequence, ARGV[8..] messages
--                                                      -> 1 if stored, 0 if the epoch moved on
-- appended: ARGV[4] capacity, ARGV[5] expires (ms), ARGV[6] first sequence, ARGV[7] last sequence,
--           ARGV[8..] messages                         -> 1 if added to the entry, 0 if there was none or it dropped
-- invalidate:                                          -> 1
local meta, msgs = KEYS[1], KEYS[2]
local op, now, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])

local function live()
  local expires = tonumber(redis.call('HGET', meta, 'exp'))
  return expires ~= nil and expires > now
end

local function drop()
  redis.call('HDEL', meta, 'exp', 'whole', 'last')
  redis.call('DEL', msgs)
end

local function bump()
  local time = redis.call('TIME')
  local fresh = tonumber(time[1]) * 1000000 + tonumber(time[2])
  local current = tonumber(redis.call('HGET', meta, 'epoch')) or 0
  local epoch = string.format('%.0f', math.max(fresh, current + 1))
  redis.call('HSET', meta, 'epoch', epoch)
  return epoch
end

local function push(from)
  for i = from, #ARGV, 1000 do
    redis.call('RPUSH', msgs, unpack(ARGV, i, math.min(i + 999, #ARGV)))
  end
end

local function keep()
  redis.call('PEXPIRE', meta, ttl)
  redis.call('PEXPIRE', msgs, ttl)
end

if op == 'newest' then
  local count = tonumber(ARGV[4])
  if live() then
    if redis.call('HGET', meta, 'whole') == '1' or redis.call('LLEN', msgs) >= count then
      return {1, redis.call('LRANGE', msgs, -count, -1)}
    end
  else
    drop()
  end
  local epoch = redis.call('HGET', meta, 'epoch') or bump()
  keep()
  return {0, epoch}
elseif op == 'fill' then
  if redis.call('HGET', meta, 'epoch') ~= ARGV[4] then return 0 end
  redis.call('DEL', msgs)
  push(8)
  redis.call('HSET', meta, 'exp', ARGV[6], 'whole', ARGV[5], 'last', ARGV[7])
  keep()
  return 1
elseif op == 'appended' then
  bump()
  local last = tonumber(redis.call('HGET', meta, 'last')) or 0
  if not live() or tonumber(ARGV[6]) ~= last + 1 then
    drop()
    keep()
    return 0
  end
  push(8)
  local capacity = tonumber(ARGV[4])
  if redis.call('LLEN', msgs) > capacity then
    redis.call('LTRIM', msgs, -capacity, -1)
    redis.call('HSET', meta, 'whole', 0)
  end
  redis.call('HSET', meta, 'exp', ARGV[5], 'last', ARGV[7])
  keep()
  return 1
elseif op == 'invalidate' then
  bump()
  drop()
  keep()
  return 1
end
return redis.error_reply('unknown op ' .. tostring(op))
