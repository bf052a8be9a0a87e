-- The Redis work of one Governor decision without the Governor: marker SET NX, permit SET EX, audit XADD, XACK.
-- KEYS: marker, permit, audit stream, input stream. ARGV: group, entry id, plan_id, permit json, symbol.
if not redis.call('SET', KEYS[1], 'ALLOW', 'NX', 'EX', 86400) then
  redis.call('XACK', KEYS[4], ARGV[1], ARGV[2])
  return 0
end
redis.call('SET', KEYS[2], ARGV[4], 'EX', 60)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', 100000, '*', 'plan_id', ARGV[3], 'symbol', ARGV[5], 'outcome', 'ALLOW',
  'reason', 'none', 'stream_id', ARGV[2])
redis.call('XACK', KEYS[4], ARGV[1], ARGV[2])
return 1
