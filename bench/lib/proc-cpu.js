/**
 * CPU time from Linux's /proc, to say where a benchmark's time goes: per
 * process (user + system ticks, its name and process group) and for the
 * whole machine (busy and idle ticks). Two snapshots give the CPU seconds
 * each process used between them. Elsewhere than Linux the snapshots are
 * empty and every figure is 0.
 */
"use strict"

const fs = require("fs")
const { execFileSync } = require("child_process")

/** Ticks per second of the figures in /proc (sysconf CLK_TCK; 100 on common Linux). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100
  } catch {
    return 100
  }
})()

const PAGE_BYTES = (() => {
  try {
    return Number(execFileSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).trim()) || 4096
  } catch {
    return 4096
  }
})()

/** One process's /proc/<pid>/stat: { pid, name, ppid, pgrp, seconds (user + system), rssBytes }, or null if it is gone. */
function readProcess(pid) {
  let text
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
  } catch {
    return null
  }
  // The name is in parentheses and may itself hold spaces and parentheses.
  const close = text.lastIndexOf(")")
  const name = text.slice(text.indexOf("(") + 1, close)
  const fields = text.slice(close + 2).split(" ")
  // fields[0] is field 3 of proc(5): state; ppid 4, pgrp 5, utime 14, stime 15, rss 24 (pages).
  return {
    pid: Number(pid),
    name,
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    rssBytes: Number(fields[21]) * PAGE_BYTES,
  }
}

/** Every process now: Map pid -> readProcess(pid). */
function processSnapshot() {
  const processes = new Map()
  let entries = []
  try {
    entries = fs.readdirSync("/proc")
  } catch {
    return processes
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    const info = readProcess(entry)
    if (info) processes.set(info.pid, info)
  }
  return processes
}

/** The machine's CPU seconds so far, summed over its cores: { busy, idle } (iowait counts as idle). */
function machineSnapshot() {
  try {
    const [line] = fs.readFileSync("/proc/stat", "utf8").split("\n")
    const [, ...ticks] = line.trim().split(/\s+/).map(Number)
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks
    return { busy: (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND, idle: (idle + iowait) / TICKS_PER_SECOND }
  } catch {
    return { busy: 0, idle: 0 }
  }
}

/** A snapshot of the processes and the machine, taken together. */
function cpuSnapshot() {
  return { at: Date.now(), processes: processSnapshot(), machine: machineSnapshot() }
}

/**
 * CPU seconds the processes `select(process)` picks used between two
 * snapshots. A process missing from `before` started after it: all its time
 * counts. One gone by `after` is not counted (its last seconds are lost).
 */
function cpuSecondsBetween(before, after, select) {
  let seconds = 0
  for (const info of after.processes.values()) {
    if (!select(info)) continue
    const earlier = before.processes.get(info.pid)
    seconds += info.seconds - (earlier && earlier.name === info.name ? earlier.seconds : 0)
  }
  return seconds
}

/** The `count` processes `select` picks that used the most CPU between two snapshots: [{ pid, name, command, seconds }]. */
function busiestProcesses(before, after, select, count) {
  const used = []
  for (const info of after.processes.values()) {
    if (!select(info)) continue
    const earlier = before.processes.get(info.pid)
    const seconds = info.seconds - (earlier && earlier.name === info.name ? earlier.seconds : 0)
    if (seconds > 0) used.push({ pid: info.pid, name: info.name, seconds })
  }
  used.sort((a, b) => b.seconds - a.seconds)
  return used.slice(0, count).map((entry) => ({ ...entry, command: commandLine(entry.pid) ?? entry.name }))
}

function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 120) || null
  } catch {
    return null
  }
}

module.exports = { TICKS_PER_SECOND, readProcess, processSnapshot, machineSnapshot, cpuSnapshot, cpuSecondsBetween, busiestProcesses }
