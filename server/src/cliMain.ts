import { main } from './cli';

main(process.argv.slice(2));
