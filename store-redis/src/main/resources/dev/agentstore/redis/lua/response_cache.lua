-- The response cache of one tenant. Every key starts with the tenant's response-cache base (ARGV[3]), whose hash
-- tag puts the whole cache in one slot, so the keys derived here from the index are in that slot too.
--   index      <base>:idx              sorted set of '<hash>:<model>' by expiry (ms, store clock) = KEYS[1]
--   entry      <base>:e:<hash>:<model> hash: r response, m metadata JSON, c created, x expires (ms), h hits
--   model set  <base>:m:<model>        set of the model's entry hashes
-- Entry keys carry their TTL to reclaim memory; liveness is judged against the caller's clock (ARGV[2]).
-- ARGV[1] op, ARGV[2] now (ms), ARGV[3] base
-- put:        KEYS[2] model set; ARGV[4] hash, ARGV[5] model, ARGV[6] response, ARGV[7] metadata,
--             ARGV[8] created (ms), ARGV[9] expires (ms), ARGV[10] ttl (ms)
-- get:        ARGV[4] hash, ARGV[5] model          -> {response, metadata, created, expires, hits} or false
-- invalidate: KEYS[2] model set; ARGV[4] hash, ARGV[5] model   -> 1 if a live entry was removed
-- model:      KEYS[2] model set; ARGV[5] model     -> how many entries were removed
-- purge:                                           -> how many expired entries were removed
-- stats:                                           -> {live entries, their hits}
local index, op, now = KEYS[1], ARGV[1], tonumber(ARGV[2])
local prefix = ARGV[3] .. ':e:'

local function extend(key, ttl)
  if redis.call('PTTL', key) < ttl then
    redis.call('PEXPIRE', key, ttl)
  end
end

local function remove(member)
  local model = string.sub(member, 66)
  redis.call('DEL', prefix .. member)
  redis.call('ZREM', index, member)
  return model
end

if op == 'put' then
  local member = ARGV[4] .. ':' .. ARGV[5]
  local entry, ttl = prefix .. member, tonumber(ARGV[10])
  redis.call('DEL', entry)
  redis.call('HSET', entry, 'r', ARGV[6], 'm', ARGV[7], 'c', ARGV[8], 'x', ARGV[9], 'h', 0)
  redis.call('PEXPIRE', entry, ttl)
  redis.call('ZADD', index, ARGV[9], member)
  redis.call('SADD', KEYS[2], ARGV[4])
  extend(index, ttl)
  extend(KEYS[2], ttl)
  return 1
elseif op == 'get' then
  local entry = prefix .. ARGV[4] .. ':' .. ARGV[5]
  local expires = tonumber(redis.call('HGET', entry, 'x'))
  if expires == nil or expires <= now then return false end
  redis.call('HINCRBY', entry, 'h', 1)
  return redis.call('HMGET', entry, 'r', 'm', 'c', 'x', 'h')
elseif op == 'invalidate' then
  local member = ARGV[4] .. ':' .. ARGV[5]
  local expires = tonumber(redis.call('HGET', prefix .. member, 'x'))
  remove(member)
  redis.call('SREM', KEYS[2], ARGV[4])
  return (expires ~= nil and expires > now) and 1 or 0
elseif op == 'model' then
  local removed = 0
  for _, hash in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    local member = hash .. ':' .. ARGV[5]
    removed = removed + redis.call('EXISTS', prefix .. member)
    remove(member)
  end
  redis.call('DEL', KEYS[2])
  return removed
elseif op == 'purge' then
  local expired = redis.call('ZRANGEBYSCORE', index, '-inf', now)
  for _, member in ipairs(expired) do
    local model = remove(member)
    redis.call('SREM', ARGV[3] .. ':m:' .. model, string.sub(member, 1, 64))
  end
  return #expired
elseif op == 'stats' then
  local live = redis.call('ZRANGEBYSCORE', index, '(' .. now, '+inf')
  local entries, hits = 0, 0
  for _, member in ipairs(live) do
    local h = redis.call('HGET', prefix .. member, 'h')
    if h then
      entries = entries + 1
      hits = hits + tonumber(h)
    end
  end
  return {entries, hits}
end
return redis.error_reply('unknown op ' .. tostring(op))
