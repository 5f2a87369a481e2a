import Glibc

/// The one JSON line each benchmark prints.
enum BenchOutput {
    /// Prints `{"name":value,…}`; values are already JSON (numbers or null).
    static func print(_ fields: [(String, String)]) {
        Swift.print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
    }

    /// `value` rounded to `decimals` places, or null when it is not finite.
    static func format(_ value: Double, decimals: Int = 3) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return decimals == 0 ? String(Int(rounded)) : String(rounded)
    }
}

/// CPU time of this process, from getrusage(2).
struct ResourceUsage {
    var user: Double
    var system: Double

    static func now() -> ResourceUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ResourceUsage(user: seconds(usage.ru_utime), system: seconds(usage.ru_stime))
    }

    static func - (lhs: ResourceUsage, rhs: ResourceUsage) -> ResourceUsage {
        ResourceUsage(user: lhs.user - rhs.user, system: lhs.system - rhs.system)
    }
}
