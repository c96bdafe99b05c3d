<?php

use Demo\Greeter;

require_once __DIR__ . "/Greeter.php";

$greeter = new Greeter();
echo $greeter->greet("x");
