-- A session: one hash per session, attributes under "a:<name>", the expiry (epoch ms, store clock) under "~exp".
-- The key's own TTL only reclaims memory; liveness is judged against the caller's clock (ARGV[2]).
-- KEYS[1] session hash
-- ARGV[1] op: put | touch | set | remove
-- ARGV[2] now (ms)
-- put:    ARGV[3] expires at (ms), ARGV[4] ttl (ms), ARGV[5..] name, value, name, value, ...
-- touch:  ARGV[3] expires at (ms), ARGV[4] ttl (ms)           -> the session's fields, or false if not live
-- set:    ARGV[3] attribute field, ARGV[4] value                -> the session's fields, or false if not live
-- remove:                                                       -> 1 if a live session was removed, else 0
local key, op, now = KEYS[1], ARGV[1], tonumber(ARGV[2])

local function live()
  local expires = tonumber(redis.call('HGET', key, '~exp'))
  return expires ~= nil and expires > now
end

if op == 'put' then
  redis.call('DEL', key)
  redis.call('HSET', key, '~exp', ARGV[3])
  for i = 5, #ARGV, 2 do
    redis.call('HSET', key, ARGV[i], ARGV[i + 1])
  end
  redis.call('PEXPIRE', key, ARGV[4])
  return 1
elseif op == 'touch' then
  if not live() then return false end
  redis.call('HSET', key, '~exp', ARGV[3])
  redis.call('PEXPIRE', key, ARGV[4])
  return redis.call('HGETALL', key)
elseif op == 'set' then
  if not live() then return false end
  redis.call('HSET', key, ARGV[3], ARGV[4])
  return redis.call('HGETALL', key)
elseif op == 'remove' then
  local was = live()
  redis.call('DEL', key)
  return was and 1 or 0
end
return redis.error_reply('unknown op ' .. tostring(op))
