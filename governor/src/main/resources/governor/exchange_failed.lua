-- A failed poll cycle or a pause: only the meta status changes; the installed snapshot stays and ages
-- (contract §3.8). Lease holder only.
-- KEYS: 1 lease, 2 meta. ARGV: 1 instance, 2 last_error ('' = keep), 3 paused_until_ms ('' = none).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[2], 'status', 'error', 'last_error', ARGV[2])
end
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[2], 'paused_until_ms', ARGV[3])
else
  redis.call('HDEL', KEYS[2], 'paused_until_ms')
end
return 1
