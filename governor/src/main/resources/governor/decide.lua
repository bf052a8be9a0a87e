-- The Governor's atomic step for one plan (contract §3.3 steps 3 and 6-22, §3.5, §3.6, §3.7).
-- Reads and checks first, writes last: a Lua error never leaves half an outcome.
-- Returns a flat list of string pairs (key, value) that the daemon logs from.
local plan_id, stream, group, stream_id = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local sym, action, class, mode = ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local preblock, predetail = ARGV[9], ARGV[10]
local qty_arg, kill_score, has_creds, instance = ARGV[11], tonumber(ARGV[12]) or 0, ARGV[13] == '1', ARGV[14]
local max_pos, max_trade, max_total = tonumber(ARGV[15]), tonumber(ARGV[16]), tonumber(ARGV[17])
local cooldown, max_hour, max_5min = tonumber(ARGV[18]), tonumber(ARGV[19]), tonumber(ARGV[20])
local max_daily, kill_critical = tonumber(ARGV[21]), tonumber(ARGV[22])
local auto_disarm, disarm_on_burst = ARGV[23] == '1', ARGV[24] == '1'
local max_age_ms, ttl_s = tonumber(ARGV[25]), tonumber(ARGV[26])
local cap_trade, cap_total, cap_daily, cap_kill = ARGV[27], ARGV[28], ARGV[29], ARGV[30]
local events_stream = ARGV[31]

local AUDIT = 'quantum:stream:governor.decisions'

-- Python str(float): shortest round-trip digits (the closest when several are that short), fixed for
-- 1e-4 <= |x| < 1e16, else d.ddde+XX. Memoized: one plan formats the same few figures for audit, records and reply.
local pf_memo = {}

-- Adds d (+1 or -1) to the last digit of a string of decimal digits ('0999' + 1 = '1000').
local function bump(digits, d)
  local t = {}
  for i = 1, #digits do t[i] = string.byte(digits, i) - 48 end
  local i = #t
  while i >= 1 do
    local v = t[i] + d
    if v >= 0 and v <= 9 then t[i] = v; break end
    t[i] = (v < 0) and 9 or 0
    i = i - 1
  end
  if i == 0 then table.insert(t, 1, 1) end
  for k = 1, #t do t[k] = string.char(t[k] + 48) end
  return table.concat(t)
end

local function pyfloat_slow(x)
  local s
  for p = 15, 17 do
    s = string.format('%.' .. (p - 1) .. 'e', x)
    local back = tonumber(s)
    if back == x then break end
    if p == 16 then
      -- Near a power of two the round-trip interval is lopsided: the 16-digit neighbour on x's other side may
      -- read back when the closest does not (Python prints it, e.g. 2^-24 = 5.960464477539063e-08).
      local sg, d1, frac, ex = string.match(s, '^(-?)(%d)%.(%d*)e([-+]%d+)$')
      local mant = d1 .. frac
      local up = (back < x) == (x > 0)
      local other = bump(mant, up and 1 or -1)
      local e2 = tonumber(ex)
      if #other > #mant then e2 = e2 + 1; other = string.sub(other, 1, #mant) end
      if string.sub(other, 1, 1) == '0' then e2 = e2 - 1; other = string.sub(other, 2) .. '9' end
      do
        local cand = sg .. string.sub(other, 1, 1) .. '.' .. string.sub(other, 2) .. 'e' .. e2
        if tonumber(cand) == x then
          s = string.format('%s%s.%se%s%02d', sg, string.sub(other, 1, 1), string.sub(other, 2),
            e2 < 0 and '-' or '+', math.abs(e2))
          break
        end
      end
    end
  end
  local sign, d1, frac, ex = string.match(s, '^(-?)(%d)%.?(%d*)e([-+]%d+)$')
  local digits = string.gsub(d1 .. frac, '0+$', '')
  if digits == '' then digits = '0' end
  local e = tonumber(ex)
  local n = #digits
  if e >= -4 and e < 16 then
    if e >= 0 then
      local ip, fp
      if n <= e + 1 then
        ip = digits .. string.rep('0', e + 1 - n); fp = '0'
      else
        ip = string.sub(digits, 1, e + 1); fp = string.sub(digits, e + 2)
      end
      return sign .. ip .. '.' .. fp
    end
    return sign .. '0.' .. string.rep('0', -e - 1) .. digits
  end
  local m = string.sub(digits, 1, 1)
  if n > 1 then m = m .. '.' .. string.sub(digits, 2) end
  local es = e < 0 and '-' or '+'
  return sign .. m .. 'e' .. es .. string.format('%02d', math.abs(e))
end

local function pyfloat(x)
  if x ~= x then return 'nan' end
  if x == math.huge then return 'inf' end
  if x == -math.huge then return '-inf' end
  if x == 0 then return '0.0' end
  local s = pf_memo[x]
  if s then return s end
  local a = math.abs(x)
  if a >= 1e-4 and a < 1e15 then
    -- If any decimal of <= 15 digits reads back as x, the closest one does (a double has more precision); if none
    -- does, the closest 16-digit one is Python's unless it fails to read back (then only the slow path knows: near
    -- a power of two another 16-digit one may). %g prints them fixed in this range.
    s = string.format('%.15g', x)
    if tonumber(s) ~= x then s = string.format('%.16g', x) end
    if tonumber(s) ~= x or string.find(s, 'e', 1, true) then
      s = pyfloat_slow(x)
    elseif not string.find(s, '.', 1, true) then
      s = s .. '.0'
    end
  else
    s = pyfloat_slow(x)
  end
  pf_memo[x] = s
  return s
end

-- 0. Reservations past their TTL end first, so projections never over-count forever.
local expired = redis.call('ZRANGEBYSCORE', R .. ':expiry', '-inf', now_ms, 'LIMIT', 0, 100)
for _, pid in ipairs(expired) do release(pid) end

-- 3. One outcome per plan_id.
local marker_key = 'quantum:governor:decided:' .. plan_id
local permit_key = 'quantum:permit:' .. plan_id
local block_key = 'quantum:governor:block:' .. plan_id
local prior = prior_outcome(plan_id)
if prior then
  redis.call('XACK', stream, group, stream_id)
  return {'verdict', 'DUPLICATE', 'prior', prior}
end

local out = {}
local function put(k, v) out[#out + 1] = k; out[#out + 1] = v end

-- Exchange snapshot, as the last install left it (audit fields for every outcome).
local meta_ok, meta = pcall(redis.call, 'HMGET', 'quantum:governor:exchange:meta', 'installed_at_ms', 'fetch_ms',
  'last_error', 'positions_open', 'total_notional', 'notional_unknown')
if not meta_ok then meta = {} end
local installed_at, fetch_ms = tonumber(meta[1]), tonumber(meta[2]) or 0
local last_error = meta[3] or ''
local positions_open, open_total = tonumber(meta[4]), tonumber(meta[5])
local notional_unknown = meta[6] or ''
local age_ms = nil
if installed_at then age_ms = now_ms - installed_at + fetch_ms end
if installed_at and (positions_open == nil or open_total == nil) and preblock == '' then
  -- Install script left no aggregates: compute them (O(positions)).
  positions_open, open_total = 0, 0
  local rows = redis.call('HGETALL', 'quantum:governor:exchange:positions')
  for i = 1, #rows, 2 do
    local ok, p = pcall(cjson.decode, rows[i + 1])
    local amt = ok and type(p) == 'table' and tonumber(p.amt) or 0
    if amt ~= 0 then
      positions_open = positions_open + 1
      local n = math.abs(tonumber(p.notional) or 0)
      if n == 0 then
        local mk = tonumber(p.mark) or tonumber(redis.call('HGET', 'quantum:governor:exchange:marks', rows[i]))
        if mk and mk > 0 then n = math.abs(amt) * mk elseif notional_unknown == '' then notional_unknown = rows[i] end
      end
      open_total = open_total + n
    end
  end
end
-- MGET reads a key of the wrong type as nil (0 here), as the pcall'd GET did.
local res = redis.call('MGET', R .. ':notional', R .. ':unopened')
local reserved = tonumber(res[1]) or 0
local unopened = tonumber(res[2]) or 0
if math.abs(reserved) < 1e-6 then reserved = 0 end

local qty = tonumber(qty_arg)
if qty ~= nil then qty = math.abs(qty) end
local mark = nil
local notional = nil
local priced = false -- notional goes into a permit only once the trade is priced (CLOSE, or OPEN past step 18)

local function mark_of(s)
  local m = tonumber(redis.call('HGET', 'quantum:governor:exchange:marks', s))
  if m == nil then
    local row = redis.call('HGET', 'quantum:governor:exchange:positions', s)
    if row then
      local ok, p = pcall(cjson.decode, row)
      if ok and type(p) == 'table' then m = tonumber(p.mark) end
    end
  end
  return m
end

local function num(x) if x == nil then return '' end return pyfloat(x) end

local function audit(outcome, reason, detail)
  return redis.call('XADD', AUDIT, 'MAXLEN', '~', '100000', '*',
    'plan_id', plan_id, 'symbol', sym, 'action', action, 'class', class, 'outcome', outcome,
    'reason', reason, 'detail', detail, 'qty', num(qty), 'mark', num(mark), 'notional', num(notional),
    'positions_open', positions_open and string.format('%d', positions_open) or '',
    'total_notional', num(open_total), 'reserved_notional', pyfloat(reserved),
    'snapshot_age_ms', age_ms and string.format('%d', age_ms) or '', 'mode', mode,
    'stream_id', stream_id, 'instance', instance, 'decided_at', now_s)
end

local function finish(outcome, reason, detail, audit_id)
  redis.call('SET', marker_key, '{"outcome": ' .. jstr(outcome) .. ', "reason": ' .. jstr(reason) ..
    ', "stream_id": ' .. jstr(stream_id) .. ', "audit_id": ' .. jstr(audit_id) .. ', "decided_at": ' .. now_s .. '}',
    'EX', 86400, 'NX')
  redis.call('XACK', stream, group, stream_id)
  put('verdict', outcome); put('reason', reason); put('detail', detail); put('audit_id', audit_id)
  put('qty', num(qty)); put('mark', num(mark)); put('notional', num(notional))
  put('positions_open', positions_open and string.format('%d', positions_open) or '')
  put('open_total', num(open_total)); put('reserved', pyfloat(reserved))
  put('age_ms', age_ms and string.format('%d', age_ms) or '')
  return out
end

local function block(reason, detail)
  local body = '{"reason": ' .. jstr(reason) .. ', "timestamp": ' .. now_s .. ', "symbol": ' .. jstr(sym)
  if detail ~= '' then body = body .. ', "detail": ' .. jstr(detail) end
  redis.call('SET', block_key, body .. '}', 'EX', 3600)
  return finish('BLOCK', reason, detail, audit('BLOCK', reason, detail))
end

-- Stamps of a newest-first exec list (LPUSHed with the Redis clock, so non-increasing) that are newer than `window`
-- seconds among its first n: they are a prefix, so binary-search its end with LINDEX (O(log n) calls, no LRANGE
-- and Lua loop over up to 100 stamps on every permit).
local function count_recent(key, n, window)
  local function recent(i)
    local ts = tonumber(redis.call('LINDEX', key, i))
    return ts ~= nil and now_sec - ts < window
  end
  if n == 0 or not recent(0) then return 0 end
  if recent(n - 1) then return n end
  local lo, hi = 0, n - 1 -- recent(lo), not recent(hi)
  while hi - lo > 1 do
    local mid = math.floor((lo + hi) / 2)
    if recent(mid) then lo = mid else hi = mid end
  end
  return hi
end

local function exec_counts(key)
  local n = math.min(redis.call('LLEN', key), math.max(99, max_hour) + 1)
  local hour = count_recent(key, n, 3600)
  return hour, count_recent(key, hour, 300)
end

-- LTRIM on every push, not in steps: the list's length is part of the contract (§ keys), others may read it all.
local function push_exec(key)
  local keep = math.max(99, max_hour) + 1
  if redis.call('LPUSH', key, now_s) > keep then redis.call('LTRIM', key, 0, keep - 1) end
  redis.call('EXPIRE', key, 86400)
end

-- Step 16's findings, which the reservation of an ALLOW updates.
local sym_open, sym_reserved = false, false

-- Issues the permit; stamps, history, reservation and daily total only when `stamp`.
local function permit(outcome, reason, detail, stamp, new_position)
  local pq = qty or 0
  local pn = priced and notional or 0
  redis.call('SET', permit_key, '{"granted": true, "symbol": ' .. jstr(sym) .. ', "decision": "EXECUTE", ' ..
    '"computed_qty": ' .. pyfloat(pq) .. ', "computed_notional": ' .. pyfloat(pn) .. ', "created_at": ' .. now_s ..
    ', "consumed": false}', 'EX', 60)
  if stamp then
    redis.call('SET', 'quantum:governor:last_exec:' .. sym, now_s, 'EX', math.max(3600, cooldown))
    push_exec('quantum:governor:exec:' .. sym)
    if class == 'OPEN' then
      push_exec('quantum:governor:open_exec:' .. sym)
      local dkey = 'quantum:governor:daily:' .. sym .. ':' .. utc_date(math.floor(now_sec))
      -- the key names its day, so a TTL set when the day's first permit creates it outlives every read of it
      if tonumber(redis.call('INCRBYFLOAT', dkey, pn)) == pn then redis.call('EXPIRE', dkey, 86400) end
      local expires = now_ms + ttl_s * 1000
      redis.call('HSET', R, plan_id, '{"plan_id": ' .. jstr(plan_id) .. ', "symbol": ' .. jstr(sym) ..
        ', "qty": ' .. pyfloat(pq) .. ', "notional": ' .. pyfloat(pn) .. ', "new_position": ' ..
        tostring(new_position) .. ', "created_at": ' .. now_s .. ', "expires_at_ms": ' ..
        string.format('%d', expires) .. ', "filled_at_ms": 0, "instance": ' .. jstr(instance) .. '}')
      redis.call('ZADD', R .. ':expiry', expires, plan_id)
      redis.call('SADD', R .. ':plans:' .. sym, plan_id)
      if not sym_reserved then
        redis.call('HSET', R .. ':symbols', sym, plan_id)
        if not sym_open then redis.call('INCR', R .. ':unopened') end
      end
      redis.call('INCRBYFLOAT', R .. ':notional', pn)
    end
    local h, f = exec_counts('quantum:governor:exec:' .. sym)
    put('exec_hour', string.format('%d', h)); put('exec_5min', string.format('%d', f))
  end
  put('permit_qty', pyfloat(pq)); put('permit_notional', pyfloat(pn))
  return finish(outcome, reason, detail, audit(outcome, reason, detail))
end

-- 5 (decided by the caller) and evaluation errors: a block, after the duplicate check.
if preblock ~= '' then return block(preblock, predetail) end

-- 6. Kill switch, every class and mode.
local kill_ok, kill_raw = pcall(redis.call, 'GET', 'quantum:kill')
local kill_state = 'inactive'
local kill_shown = ''
if not kill_ok then
  kill_state = 'unreadable'; kill_shown = 'WRONGTYPE'
elseif kill_raw then
  local k = string.lower(string.match(kill_raw, '^%s*(.-)%s*$'))
  if k == '1' or k == 'true' or k == 'on' then kill_state = 'active'
  elseif not (k == '0' or k == 'false' or k == 'off' or k == '') then
    kill_state = 'unreadable'; kill_shown = string.sub(kill_raw, 1, 64)
  end
end
put('kill', kill_state)
if kill_state == 'active' then return block('kill_switch_active', '') end

-- 7. CLOSE-class: never held back.
if class == 'CLOSE' then
  if qty ~= nil then
    local m = mark_of(sym)
    if m and m > 0 then mark = m; notional = qty * m; priced = true end
  end
  return permit('ALLOW', 'none', '', true, false)
end

-- 8.
if kill_state == 'unreadable' then return block('kill_switch_unreadable', 'value=' .. kill_shown) end

-- 9-21: the first check that fires decides; enforced ones block, dry_run only notes it and permits.
local dry = mode == 'dry_run'
local prod = mode == 'production'
local function fire(reason, detail)
  put('step_reason', reason)
  if dry then return permit('WOULD_BLOCK', reason, detail, false, false) end
  return block(reason, detail)
end

-- 9.
local latch = redis.call('GET', 'quantum:governor:disarmed')
if latch then
  local ok, l = pcall(cjson.decode, latch)
  local why = (ok and type(l) == 'table' and type(l.reason) == 'string' and l.reason) or 'unknown'
  put('latch_reason', why)
  return fire('auto_disarmed', why)
end

if prod or dry then
  -- 10.
  if kill_score >= kill_critical then
    return fire('kill_score_critical_non_close', string.format('k=%.3f critical=', kill_score) .. cap_kill)
  end
  -- 11, 12.
  local hour, five = exec_counts('quantum:governor:open_exec:' .. sym)
  put('open_exec_hour', string.format('%d', hour)); put('open_exec_5min', string.format('%d', five))
  if hour >= max_hour then
    return fire('hourly_limit_exceeded', string.format('count=%d max=%d', hour, max_hour))
  end
  if five >= max_5min then
    if prod and auto_disarm and disarm_on_burst then
      local context = '{"symbol": ' .. jstr(sym) .. ', "exec_5min": ' .. string.format('%d', five) ..
        ', "limit": ' .. string.format('%d', max_5min) .. '}'
      local latch_body = '{"reason": "burst_limit_breach", "context": ' .. context .. ', "timestamp": ' .. now_s ..
        ', "instance": ' .. jstr(instance) .. '}'
      if redis.call('SET', 'quantum:governor:disarmed', latch_body, 'NX') then
        redis.call('SET', 'quantum:governor:disarm:' .. utc_date(math.floor(now_sec)),
          '{"reason": "burst_limit_breach", "context": ' .. context .. ', "timestamp": ' .. now_s .. '}', 'EX', 86400)
        redis.call('XADD', events_stream, '*', 'event', 'AUTO_DISARM', 'reason', 'burst_limit_breach',
          'context', context, 'timestamp', now_s, 'action_taken', 'OPEN plans blocked until rearm')
        put('disarm', 'triggered'); put('disarm_context', context)
      else
        local cur = redis.call('GET', 'quantum:governor:disarmed')
        local ok, l = pcall(cjson.decode, cur or '')
        put('disarm', 'already'); put('latch_reason', (ok and type(l) == 'table' and l.reason) or 'unknown')
      end
    end
    return fire('burst_limit_exceeded', string.format('count=%d max=%d', five, max_5min))
  end
end

-- 13.
if cooldown > 0 then
  local last = tonumber(redis.call('GET', 'quantum:governor:last_exec:' .. sym))
  if last and now_sec - last < cooldown then
    local rem = cooldown - (now_sec - last)
    put('remaining_s', string.format('%.1f', rem))
    return fire('symbol_cooldown', string.format('remaining_s=%.1f', rem))
  end
end

-- 14.
if not has_creds then return fire('exchange_credentials_missing', 'no_credentials') end

-- 15.
if installed_at == nil then
  if last_error ~= '' then return fire('exchange_state_unavailable', 'last_error=' .. last_error) end
  return fire('exchange_state_unavailable', 'no_snapshot')
end
if age_ms > max_age_ms then
  if last_error ~= '' then return fire('exchange_state_unavailable', 'last_error=' .. last_error) end
  return fire('exchange_state_unavailable', string.format('snapshot_age_ms=%d', age_ms))
end
if notional_unknown ~= '' then
  return fire('exchange_state_unavailable', 'notional_unknown=' .. notional_unknown)
end

-- The plan's figures as far as known, so a block from here on audits them too (§7.1 c).
local m = mark_of(sym)
if m ~= nil and (m ~= m or m <= 0) then m = nil end
mark = m
if mark ~= nil and qty ~= nil and qty ~= 0 and qty == qty and qty ~= math.huge then notional = qty * mark end

-- 16. Projected positions: |open ∪ reserved ∪ {this symbol}| = open + |reserved \ open| + (symbol in neither); the
-- middle term is the counter `…:unopened` that releases, reservations and installs keep (RESERVATIONS.md), O(1).
sym_open = redis.call('SISMEMBER', 'quantum:governor:exchange:open', sym) == 1
sym_reserved = redis.call('HEXISTS', R .. ':symbols', sym) == 1
local projected = positions_open + unopened
local new_position = not sym_open and not sym_reserved
if new_position then projected = projected + 1 end
put('projected_positions', string.format('%d', projected))
if projected > max_pos then
  return fire('max_positions_reached', string.format('projected=%d max=%d', projected, max_pos))
end

-- 17.
if qty == nil or qty == 0 or qty ~= qty or qty == math.huge then
  qty = nil
  return fire('invalid_qty', 'qty')
end

-- 18.
if mark == nil then return fire('mark_price_unavailable', '') end
priced = true

-- 19.
if notional > max_trade then
  return fire('notional_per_trade_exceeded', string.format('notional=%.2f max=', notional) .. cap_trade)
end

-- 20.
local projected_total = open_total + reserved + notional
put('projected_total', num(projected_total))
if projected_total > max_total then
  return fire('total_notional_exceeded', string.format('projected=%.2f max=', projected_total) .. cap_total)
end

-- 21.
if prod or dry then
  local day = tonumber(redis.call('GET', 'quantum:governor:daily:' .. sym .. ':' .. utc_date(math.floor(now_sec)))) or 0
  local day_total = day + notional
  put('day_total', num(day_total))
  if day_total > max_daily then
    return fire('daily_limit_exceeded', string.format('day_total=%.2f max=', day_total) .. cap_daily)
  end
end

-- 22.
put('new_position', tostring(new_position))
return permit('ALLOW', 'none', '', true, new_position)
