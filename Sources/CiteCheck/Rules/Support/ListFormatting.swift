/// Small text helpers shared by the rules' messages.
enum ListFormatting {
    /// `1–3, 5` for [1, 2, 3, 5].
    static func ranges(_ numbers: [Int]) -> String {
        let sorted = Array(Set(numbers)).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            if end == index {
                parts.append("\(sorted[index])")
            } else if end == index + 1 {
                parts.append("\(sorted[index]), \(sorted[end])")
            } else {
                parts.append("\(sorted[index])\u{2013}\(sorted[end])")
            }
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// `reference 3` or `references 1–3`.
    static func references(_ numbers: [Int]) -> String {
        (Set(numbers).count == 1 ? "reference " : "references ") + ranges(numbers)
    }

    /// `year`, `year and pages`, `year, volume and pages`.
    static func and(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
