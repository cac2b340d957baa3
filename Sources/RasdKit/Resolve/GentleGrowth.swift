extension Array {
    /// Makes room for `extra` more elements, growing by a quarter where the standard library doubles: for the long
    /// lists a large collection gathers one article at a time, where doubling leaves up to half a list unused (a
    /// third on average) and holds three times the list while it copies. Appends stay amortized constant time.
    @inline(__always)
    mutating func reserveGently(_ extra: Int) {
        let needed = count + extra
        if needed > capacity { reserveCapacity(Swift.max(needed, capacity + capacity / 4, 16)) }
    }
}
