;; A hostile stand-in for the funcbox guest: it has the guest's exports (so the host accepts
;; its ABI) but does whatever its input tells it to, so tests and the `guest_abi` fuzz target
;; can drive every way a compromised guest could misbehave towards the host: out-of-range
;; pointers and lengths, unknown statuses, non-UTF-8 results, runaway loops and growth, traps,
;; and direct WASI calls (sleeping, clocks, environment, files) that the JS engine never makes.
;;
;; `invoke`'s input is a command: one opcode letter, then each argument as hex digits, 8 for a
;; u32 and 16 for a u64 (inputs must be UTF-8, so raw binary would not get through).
;;   'R' status:u32 ptr:u32 len:u32 next_alloc:u32   return `status` with the result at ptr..ptr+len,
;;                                                   and hand out `next_alloc` from funcbox_alloc
;;   'L'                                             loop forever
;;   'G' pages:u32                                   grow memory by `pages` until refused, then loop
;;   'U'                                             trap (unreachable)
;;   'D'                                             recurse without end
;;   'X' code:u32                                    proc_exit(code)
;;   'W' fd:u32 iovs:u32 count:u32                   fd_write; the result is the errno
;;   'S' nanoseconds:u64                             sleep with poll_oneoff; the result is the errno
;;   'C' clock:u32                                   clock_time_get; the result is the time
;;   'E'                                             environ_sizes_get; the result is the count
;;   'F'                                             fd_prestat_get(3), the first preopen; the errno
;;   'O'                                             path_open("/etc/passwd") on fd 3; the errno
;; Number results are 16 lowercase hex digits. Anything else echoes the opcode byte.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff"
    (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get"
    (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get"
    (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get"
    (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))

  (memory (export "memory") 2)
  ;; Scratch: 0..16 the hex result, 64.. WASI out-parameters, 256.. a poll subscription,
  ;; 512.. a path, 600.. hex digits, 700.. three bytes that are not UTF-8. Inputs go at 1024
  ;; unless a command moved `next_alloc`.
  (data (i32.const 512) "/etc/passwd")
  (data (i32.const 600) "0123456789abcdef")
  ;; Not UTF-8, for results that claim to be text.
  (data (i32.const 700) "\ff\fe\80")
  (global $result_ptr (mut i32) (i32.const 0))
  (global $result_len (mut i32) (i32.const 0))
  (global $next_alloc (mut i32) (i32.const 1024))

  (func (export "_initialize"))
  (func (export "funcbox_alloc") (param $len i32) (result i32) (global.get $next_alloc))
  (func (export "register_function") (param i32 i32) (result i32)
    (global.set $result_len (i32.const 0))
    (i32.const 0))
  (func (export "result_ptr") (result i32) (global.get $result_ptr))
  (func (export "result_len") (result i32) (global.get $result_len))

  ;; Writes `value` as 16 hex digits at 0 and makes them the result; returns status Ok.
  (func $hex (param $value i64) (result i32)
    (local $i i32)
    (loop $digits
      (i32.store8 (i32.sub (i32.const 15) (local.get $i))
        (i32.load8_u offset=600 (i32.wrap_i64 (i64.and (local.get $value) (i64.const 15)))))
      (local.set $value (i64.shr_u (local.get $value) (i64.const 4)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $digits (i32.lt_u (local.get $i) (i32.const 16))))
    (global.set $result_ptr (i32.const 0))
    (global.set $result_len (i32.const 16))
    (i32.const 0))

  ;; The value of `count` hex digits at `at` (other characters give garbage, never a trap).
  (func $parse (param $at i32) (param $count i32) (result i64)
    (local $value i64) (local $char i32)
    (block $done
      (loop $digits
        (br_if $done (i32.eqz (local.get $count)))
        (local.set $char (i32.or (i32.load8_u (local.get $at)) (i32.const 0x20)))
        (local.set $value (i64.or (i64.shl (local.get $value) (i64.const 4))
          (i64.extend_i32_u (i32.and (i32.const 15)
            (select
              (i32.sub (local.get $char) (i32.const 0x30))
              (i32.sub (local.get $char) (i32.const 0x57))
              (i32.le_u (local.get $char) (i32.const 0x39)))))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $digits)))
    (local.get $value))

  ;; The `index`th u32 argument of the command at `ptr`.
  (func $arg (param $ptr i32) (param $index i32) (result i32)
    (i32.wrap_i64 (call $parse
      (i32.add (i32.add (local.get $ptr) (i32.const 1)) (i32.mul (local.get $index) (i32.const 8)))
      (i32.const 8))))

  (func $recurse (param $depth i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get $depth) (i32.const 1))) (i32.const 1)))

  (func (export "invoke") (param $ptr i32) (param $len i32) (param $max_output i32) (result i32)
    (local $op i32)
    (if (i32.eqz (local.get $len)) (then (return (call $hex (i64.const 0)))))
    (local.set $op (i32.load8_u (local.get $ptr)))
    (if (i32.eq (local.get $op) (i32.const 0x52)) ;; R
      (then
        (global.set $result_ptr (call $arg (local.get $ptr) (i32.const 1)))
        (global.set $result_len (call $arg (local.get $ptr) (i32.const 2)))
        (global.set $next_alloc (call $arg (local.get $ptr) (i32.const 3)))
        (return (call $arg (local.get $ptr) (i32.const 0)))))
    (if (i32.eq (local.get $op) (i32.const 0x4c)) ;; L
      (then (loop $forever (br $forever))))
    (if (i32.eq (local.get $op) (i32.const 0x47)) ;; G
      (then
        (loop $grow
          (br_if $grow (i32.ne (memory.grow (call $arg (local.get $ptr) (i32.const 0))) (i32.const -1))))
        (loop $forever (br $forever))))
    (if (i32.eq (local.get $op) (i32.const 0x55)) ;; U
      (then unreachable))
    (if (i32.eq (local.get $op) (i32.const 0x44)) ;; D
      (then (return (call $recurse (i32.const 0)))))
    (if (i32.eq (local.get $op) (i32.const 0x58)) ;; X
      (then (call $proc_exit (call $arg (local.get $ptr) (i32.const 0)))))
    (if (i32.eq (local.get $op) (i32.const 0x57)) ;; W
      (then
        (return (call $hex (i64.extend_i32_u
          (call $fd_write
            (call $arg (local.get $ptr) (i32.const 0))
            (call $arg (local.get $ptr) (i32.const 1))
            (call $arg (local.get $ptr) (i32.const 2))
            (i32.const 64)))))))
    (if (i32.eq (local.get $op) (i32.const 0x53)) ;; S: one relative clock subscription
      (then
        (memory.fill (i32.const 256) (i32.const 0) (i32.const 48))
        (i32.store offset=16 (i32.const 256) (i32.const 1)) ;; monotonic clock
        (i64.store offset=24 (i32.const 256) (call $parse (i32.add (local.get $ptr) (i32.const 1)) (i32.const 16)))
        (return (call $hex (i64.extend_i32_u
          (call $poll_oneoff (i32.const 256) (i32.const 320) (i32.const 1) (i32.const 64)))))))
    (if (i32.eq (local.get $op) (i32.const 0x43)) ;; C
      (then
        (drop (call $clock_time_get (call $arg (local.get $ptr) (i32.const 0)) (i64.const 1) (i32.const 64)))
        (return (call $hex (i64.load (i32.const 64))))))
    (if (i32.eq (local.get $op) (i32.const 0x45)) ;; E
      (then
        (i32.store (i32.const 64) (i32.const 0))
        (drop (call $environ_sizes_get (i32.const 64) (i32.const 68)))
        (return (call $hex (i64.extend_i32_u (i32.load (i32.const 64)))))))
    (if (i32.eq (local.get $op) (i32.const 0x46)) ;; F
      (then
        (return (call $hex (i64.extend_i32_u
          (call $fd_prestat_get (i32.const 3) (i32.const 64)))))))
    (if (i32.eq (local.get $op) (i32.const 0x4f)) ;; O
      (then
        (return (call $hex (i64.extend_i32_u
          (call $path_open (i32.const 3) (i32.const 0) (i32.const 512) (i32.const 11)
            (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 64)))))))
    (call $hex (i64.extend_i32_u (local.get $op))))
)
