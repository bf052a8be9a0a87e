-- quantum:governor:exchange:lease: only its holder calls the exchange (contract §3.8).
-- KEYS: 1 lease. ARGV: 1 instance, 2 'hold' | 'release', 3 PX ms.
-- hold: take the lease when free, renew it when ours; returns 1 if we hold it after the call, else 0.
-- release: delete it only if ours (a clean shutdown hands over at once instead of after PX).
local holder = redis.call('GET', KEYS[1])
if ARGV[2] == 'release' then
  if holder == ARGV[1] then redis.call('DEL', KEYS[1]); return 1 end
  return 0
end
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
return 0
