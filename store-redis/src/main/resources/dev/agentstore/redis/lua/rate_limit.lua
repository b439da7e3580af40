-- Sliding-window log: the calls counted in the last window, as a sorted set scored by time (ms, store clock).
-- Exact: the check and the count happen in one script. The key's TTL is the window, renewed on every counted
-- call, so an idle key disappears and no key is ever left without a TTL.
-- KEYS[1] the key's sorted set
-- ARGV[1] now (ms), ARGV[2] window (ms), ARGV[3] permits, ARGV[4] a member unique to this call
-- Returns {allowed (1|0), remaining, retry after (ms)}.
local key = KEYS[1]
local now, window, permits = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])

redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local counted = redis.call('ZCARD', key)
if counted < permits then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  return {1, permits - counted - 1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, 0, math.max(1, tonumber(oldest[2]) + window - now)}
