import { render } from 'preact';

render(<h1>Cursos</h1>, document.getElementById('app')!);
