(module name: [(constant) (scope_resolution)] @name) @def.module
(class name: [(constant) (scope_resolution)] @name) @def.class
(method name: (_) @name body: (body_statement)? @body) @def.method
(singleton_method name: (_) @name body: (body_statement)? @body) @def.method
(assignment left: (constant) @name) @def.constant
(call method: (identifier) @_eq.attr_accessor arguments: (argument_list (simple_symbol) @name)) @def.property
(call method: (identifier) @_eq.attr_reader arguments: (argument_list (simple_symbol) @name)) @def.property
(call method: (identifier) @_eq.attr_writer arguments: (argument_list (simple_symbol) @name)) @def.property
