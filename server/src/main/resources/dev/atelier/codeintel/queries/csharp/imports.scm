(using_directive name: (identifier) @import.alias (_) @import)
(using_directive !name [(identifier) (qualified_name)] @import)
