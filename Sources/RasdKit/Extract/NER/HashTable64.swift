/// A small open-addressing map from non-zero UInt64 hashes to UInt64 values: the keys are already good hashes,
/// so lookups skip Swift's seeded hashing (the phrase matchers probe it several times per token).
struct HashTable64: Sendable {
    private var keys: [UInt64]
    private var values: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    func get(_ key: UInt64) -> UInt64? {
        let key = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Sets the value of `key` to `update(old value or nil)`.
    mutating func update(_ key: UInt64, _ update: (UInt64?) -> UInt64) {
        let key = key == 0 ? 1 : key
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 {
            keys[slot] = key
            values[slot] = update(nil)
            count += 1
        } else {
            values[slot] = update(values[slot])
        }
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        self = HashTable64(capacity: keys.count)
        for (k, v) in old { update(k) { _ in v } }
    }

    /// All entries, in slot order.
    var entries: [(key: UInt64, value: UInt64)] {
        zip(keys, values).filter { $0.0 != 0 }.map { (key: $0.0, value: $0.1) }
    }
}
