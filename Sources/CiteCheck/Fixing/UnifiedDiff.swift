/// A unified diff (`diff -u` format, three lines of context) between a file and its fixed version, for `--diff`:
/// `patch -p0` applies it. Lines are split at LF only, as `diff` and `patch` do, so CR LF endings travel inside
/// the lines; a last line without a newline is marked `\ No newline at end of file`.
public enum UnifiedDiff {
    public static func render(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        // The common head and tail, then the differing middle as one block or several (lines that agree inside
        // the middle are kept as context when they are more than `2 * context` apart).
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        // Line-by-line pairing inside the middle: fixes never add or remove lines, so equal line counts pair up.
        var blocks: [(aStart: Int, aEnd: Int, bStart: Int, bEnd: Int)] = []
        let aMiddle = head..<(a.count - tail)
        let bMiddle = head..<(b.count - tail)
        if aMiddle.count == bMiddle.count {
            var k = 0
            while k < aMiddle.count {
                if a[head + k] == b[head + k] {
                    k += 1
                    continue
                }
                var end = k
                while end < aMiddle.count, a[head + end] != b[head + end] { end += 1 }
                blocks.append((head + k, head + end, head + k, head + end))
                k = end
            }
        } else {
            blocks.append((aMiddle.lowerBound, aMiddle.upperBound, bMiddle.lowerBound, bMiddle.upperBound))
        }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < blocks.count {
            // Join blocks whose context would touch.
            var last = index
            while last + 1 < blocks.count, blocks[last + 1].aStart - blocks[last].aEnd <= 2 * context { last += 1 }
            let aFrom = max(0, blocks[index].aStart - context)
            let aTo = min(a.count, blocks[last].aEnd + context)
            let bFrom = blocks[index].bStart - (blocks[index].aStart - aFrom)
            let bTo = min(b.count, blocks[last].bEnd + (aTo - blocks[last].aEnd))
            out += "@@ -\(range(aFrom, aTo)) +\(range(bFrom, bTo)) @@\n"
            var aLine = aFrom
            var bLine = bFrom
            for block in blocks[index...last] {
                while aLine < block.aStart {
                    out += line(" ", a[aLine])
                    aLine += 1
                    bLine += 1
                }
                for k in block.aStart..<block.aEnd { out += line("-", a[k]) }
                for k in block.bStart..<block.bEnd { out += line("+", b[k]) }
                aLine = block.aEnd
                bLine = block.bEnd
            }
            while aLine < aTo {
                out += line(" ", a[aLine])
                aLine += 1
            }
            index = last + 1
        }
        return out
    }

    /// `start,count` in diff's 1-based form (`start` is the line before an empty range).
    private static func range(_ from: Int, _ to: Int) -> String {
        let count = to - from
        if count == 0 { return "\(from),0" }
        return count == 1 ? "\(from + 1)" : "\(from + 1),\(count)"
    }

    private static func line(_ prefix: String, _ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.last == 0x0A ? prefix + text : prefix + text + "\n\\ No newline at end of file\n"
    }

    /// The lines of `bytes`, each with its LF.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }
}
