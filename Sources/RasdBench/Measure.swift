import Foundation

/// Clocks and memory readings for the benchmarks.
///
/// Times are CPU time of the calling thread: the machine is shared with other jobs, so wall-clock time measures
/// the neighbours as much as Rasd. Wall time of the same pass is kept beside it.
package enum Measure {
    package static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU time of the whole process (all threads: SQLite and Dispatch work counts too).
    package static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    package static func wallSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// The process's peak resident memory so far, in bytes (`getrusage` ru_maxrss, which Linux gives in KiB).
    package static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// The process's resident memory now, in bytes (from /proc/self/statm; 0 where it cannot be read).
    package static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// One timed pass.
    package struct Pass: Sendable {
        package var cpu: Double
        package var wall: Double
    }

    /// Runs `body` and returns its thread CPU and wall time.
    package static func pass(_ body: () throws -> Void) rethrows -> Pass {
        let c0 = threadCPUSeconds(), w0 = wallSeconds()
        try body()
        return Pass(cpu: threadCPUSeconds() - c0, wall: wallSeconds() - w0)
    }

    /// Runs `body` and returns its process CPU time (for work that may use other threads, such as SQLite's).
    package static func processPass(_ body: () throws -> Void) rethrows -> Pass {
        let c0 = processCPUSeconds(), w0 = wallSeconds()
        try body()
        return Pass(cpu: processCPUSeconds() - c0, wall: wallSeconds() - w0)
    }
}
