(call_expression function: (identifier) @ref.call)
(call_expression function: (scoped_identifier path: (_) @ref.qualifier name: (identifier) @ref.call))
(call_expression function: (field_expression value: (_) @ref.qualifier field: (field_identifier) @ref.call))
(call_expression function: (generic_function function: (identifier) @ref.call))
(macro_invocation macro: (identifier) @ref.call)
(struct_expression name: (type_identifier) @ref.call)
(type_identifier) @ref.type
(impl_item trait: [(type_identifier) @ref.inherit (generic_type type: (type_identifier) @ref.inherit) (scoped_type_identifier name: (type_identifier) @ref.inherit)])
(trait_bounds (type_identifier) @ref.inherit)
; Inside macro arguments (println!, assert_eq!, format!) tree-sitter only sees tokens: a name
; right before a parenthesised token tree is a call.
(token_tree (identifier) @ref.call . (token_tree . "("))
