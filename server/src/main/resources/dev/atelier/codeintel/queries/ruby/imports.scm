(call !receiver method: (identifier) @_eq.require arguments: (argument_list . (string (string_content) @import)))
(call !receiver method: (identifier) @_eq.require_relative arguments: (argument_list . (string (string_content) @import)))
